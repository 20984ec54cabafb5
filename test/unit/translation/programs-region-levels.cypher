// statement 1
MATCH (n:Program)
WHERE (EXISTS { MATCH (n)-[:IMPLEMENTED_IN]->(place:Region) WHERE place.level IN $levels })
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY n.name, n.id
// params
{
  "levels": [
    "DISTRICT"
  ],
  "limit": "int(21)",
  "offset": "int(0)"
}
