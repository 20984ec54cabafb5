// statement 1
MATCH (n:Program)
WHERE (n.kind = $kind)
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY n.name, n.id
// params
{
  "kind": "MODEL",
  "limit": "int(21)",
  "offset": "int(0)"
}
