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
  "within": [
    "region:河北省"
  ]
}
