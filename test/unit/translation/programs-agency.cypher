// statement 1
MATCH (n:Program)
WHERE (EXISTS { MATCH (n)-[:RUN_BY]->(a:Agency) WHERE (a.name = $agency OR a.code = $agency OR a.id = $agency OR $agency IN a.aliases) })
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program'} AS node
ORDER BY n.name, n.id
// params
{
  "agency": "石家庄市行政审批局",
  "limit": "int(21)",
  "offset": "int(0)"
}
