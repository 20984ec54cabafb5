// statement 1
MATCH (r:Region) WHERE r.name = $name OR r.code = $name OR r.id = $name OR r.code = $code
WITH collect(r.id) AS named
RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $name IN r.aliases RETURN r.id } END AS ids
// params
{
  "code": null,
  "name": "河北省"
}

// statement 2
MATCH (root:Region) WHERE root.id IN $within
MATCH (n:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT n
WHERE n.level IN $levels
RETURN n {.*, label: 'Region', walked: {w0: COLLECT { MATCH (n)-[n_0_r:PART_OF]->(n_0:Region) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit RETURN n_0 {.*, label: 'Region'} }}} AS node
ORDER BY n.code, n.name
// params
{
  "levels": [
    "CITY",
    "DISTRICT"
  ],
  "n_0_limit": "int(1)",
  "n_0_offset": "int(0)",
  "within": [
    "region:河北省"
  ]
}
