// statement 1
MATCH (n:Program)
WHERE (EXISTS { MATCH (n)-[:ACHIEVED]->(:Outcome)-[:MEASURES]->(i:Indicator) WHERE i.name IN $affects })
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY n.name, n.id
// params
{
  "affects": [
    "APPROVAL_TIME",
    "COST"
  ],
  "limit": "int(21)",
  "offset": "int(0)"
}
