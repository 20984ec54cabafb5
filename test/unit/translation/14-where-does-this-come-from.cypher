// statement 1
MATCH (n:Program)
WHERE ((n.name CONTAINS $name OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $name)))
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program', walked: {w0: COLLECT { MATCH (n)<-[n_0_r:MENTIONS]-(n_0:Article) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id RETURN n_0 {.*, label: 'Article', support: properties(n_0_r)} },
    w1: COLLECT { MATCH (n)<-[n_1_r:MENTIONS]-(n_1:Article) WITH n_1, n_1_r ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Article', support: properties(n_1_r)} },
    w2: COLLECT { MATCH (n)-[n_2_r:IMPLEMENTED_IN]->(n_2:Region) WITH n_2, n_2_r ORDER BY n_2.name, n_2.id SKIP $n_2_offset LIMIT $n_2_limit RETURN n_2 {.*, label: 'Region', support: properties(n_2_r), supportArticles: COLLECT { UNWIND coalesce(n_2_r.articles, []) AS n_2_r_id MATCH (n_2_r_a:Article {id: n_2_r_id}) RETURN n_2_r_a {.*, label: 'Article'} }} }}} AS node
ORDER BY n.name, n.id
// params
{
  "limit": "int(21)",
  "n_1_limit": "int(21)",
  "n_1_offset": "int(0)",
  "n_2_limit": "int(21)",
  "n_2_offset": "int(0)",
  "name": "三证齐发",
  "offset": "int(0)"
}
