// statement 1
CALL {
  MATCH (r:Region) WHERE r.name = $within OR r.code = $within OR r.id = $within
  WITH collect(r) AS named
  RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $within IN r.aliases RETURN r } END AS roots
}
UNWIND roots AS root
MATCH (place:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT place
MATCH (n:Program)-[:IMPLEMENTED_IN]->(place:Region)
WITH DISTINCT n

WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY n.name, n.id
// params
{
  "limit": "int(21)",
  "offset": "int(0)",
  "within": "河北省"
}
