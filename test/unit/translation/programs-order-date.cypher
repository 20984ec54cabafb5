// statement 1
MATCH (n:Program)

WITH n, COLLECT { MATCH (a:Article)-[:MENTIONS]->(n) RETURN a.date } AS dates
ORDER BY reduce(m = "", d IN dates | CASE WHEN d > m THEN d ELSE m END) DESC, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY reduce(m = "", d IN dates | CASE WHEN d > m THEN d ELSE m END) DESC, n.id
// params
{
  "limit": "int(6)",
  "offset": "int(5)"
}
