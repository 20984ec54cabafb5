// statement 1
MATCH (n:Program)
WHERE ($category IN coalesce(n.categories, []))
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY n.name, n.id
// params
{
  "category": "approval",
  "limit": "int(21)",
  "offset": "int(0)"
}
