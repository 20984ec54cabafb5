// statement 1
CALL {
  MATCH (e:Entity {id: $mentions}) RETURN e
  UNION MATCH (e:Entity {name: $mentions}) RETURN e
  UNION MATCH (e:Outcome {id: $mentions}) RETURN e
}
MATCH (n:Article)-[:MENTIONS]->(e)
WITH DISTINCT n
WHERE (($since IS NULL OR n.date >= $since) AND ($until IS NULL OR n.date <= $until))
WITH n
ORDER BY n.date IS NULL, n.date DESC, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Article'} AS node
ORDER BY n.date IS NULL, n.date DESC, n.id
// params
{
  "limit": "int(21)",
  "mentions": "石家庄市",
  "offset": "int(0)",
  "since": "2023-01-01",
  "until": "2023-06-30"
}
