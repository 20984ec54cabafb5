// statement 1
MATCH (n:Official)
WHERE (EXISTS { MATCH (n)-[h:HOLDS]->() WHERE h.title CONTAINS $title })
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Official', walked: {w0: COLLECT { MATCH (n)-[n_0_r:HOLDS]->(n_0:Entity) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id RETURN n_0 {.*, label: head([l IN labels(n_0) WHERE l <> 'Entity']), support: properties(n_0_r), supportArticles: COLLECT { UNWIND coalesce(n_0_r.articles, []) AS n_0_r_id MATCH (n_0_r_a:Article {id: n_0_r_id}) RETURN n_0_r_a {.*, label: 'Article'} }} }}} AS node
ORDER BY n.name, n.id
// params
{
  "limit": "int(21)",
  "offset": "int(0)",
  "title": "书记"
}
