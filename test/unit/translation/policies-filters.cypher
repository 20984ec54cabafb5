// statement 1
CALL {
  MATCH (r:Region) WHERE r.name = $within OR r.code = $within OR r.id = $within
  WITH collect(r) AS named
  RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $within IN r.aliases RETURN r } END AS roots
}
UNWIND roots AS root
MATCH (place:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT place
MATCH (n:Policy)-[:ISSUED_BY]->()-[:LOCATED_IN*0..1]->(place:Region)
WITH DISTINCT n
WHERE ((n.name CONTAINS $name OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $name)))
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Policy'} AS node
ORDER BY n.name, n.id
// params
{
  "limit": "int(21)",
  "name": "条例",
  "offset": "int(0)",
  "within": "河北省"
}
