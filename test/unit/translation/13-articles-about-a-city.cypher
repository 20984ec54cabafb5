// statement 1
CALL {
  MATCH (e:Entity {id: $mentions}) RETURN e
  UNION MATCH (e:Entity {name: $mentions}) RETURN e
  UNION MATCH (e:Outcome {id: $mentions}) RETURN e
}
MATCH (n:Article)-[:MENTIONS]->(e)
WITH DISTINCT n

WITH n
ORDER BY n.date IS NULL, n.date DESC, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Article'} AS node
ORDER BY n.date IS NULL, n.date DESC, n.id
// params
{
  "limit": "int(11)",
  "mentions": "石家庄市",
  "offset": "int(0)"
}
