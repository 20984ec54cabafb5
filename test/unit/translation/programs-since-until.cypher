// statement 1
MATCH (n:Program)
WHERE (EXISTS { MATCH (art:Article)-[:MENTIONS]->(n) WHERE ($since IS NULL OR art.date >= $since) AND ($until IS NULL OR art.date <= $until) })
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY n.name, n.id
// params
{
  "limit": "int(21)",
  "offset": "int(0)",
  "since": "2024-01-01",
  "until": "2024-12-31"
}
