// statement 1
MATCH (n:Program)

WITH n, COUNT { (n)-[:ACHIEVED]->() } AS outcomes
ORDER BY outcomes DESC, n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY outcomes DESC, n.name, n.id
// params
{
  "limit": "int(6)",
  "offset": "int(0)"
}
