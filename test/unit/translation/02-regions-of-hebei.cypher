// statement 1
CALL {
  MATCH (r:Region) WHERE r.name = $within OR r.code = $within OR r.id = $within
  WITH collect(r) AS named
  RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $within IN r.aliases RETURN r } END AS roots
}
UNWIND roots AS root
MATCH (n:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT n
RETURN n {.*, label: 'Region', walked: {w0: COLLECT { MATCH (n)-[n_0_r:PART_OF]->(n_0:Region) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit RETURN n_0 {.*, label: 'Region'} }}} AS node
ORDER BY n.code, n.name
// params
{
  "n_0_limit": "int(1)",
  "n_0_offset": "int(0)",
  "within": "河北省"
}
