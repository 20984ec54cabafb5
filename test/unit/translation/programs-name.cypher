// statement 1
MATCH (n:Program)
WHERE ((n.name CONTAINS $name OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $name)))
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY n.name, n.id
// params
{
  "limit": "int(21)",
  "name": "一网通办",
  "offset": "int(0)"
}
