// statement 1
MATCH (r:Region) WHERE r.name = $name OR r.code = $name OR r.id = $name OR r.code = $code
WITH collect(r.id) AS named
RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $name IN r.aliases RETURN r.id } END AS ids
// params
{
  "code": null,
  "name": "河北"
}

// statement 2
MATCH (root:Region) WHERE root.id IN $within
MATCH (place:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT place
MATCH (n:Outcome)-[:IN_REGION]->(place:Region)
WITH DISTINCT n

WITH n, COLLECT { MATCH (a:Article)-[:MENTIONS]->(n) RETURN a.date } AS dates
ORDER BY reduce(m = "", d IN dates | CASE WHEN d > m THEN d ELSE m END) DESC, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Outcome', evidenceArticles: [(evidenceArticle:Article)-[:MENTIONS]->(n) | evidenceArticle {.*, label: 'Article'}], walked: {w0: COLLECT { MATCH (n)<-[n_0_r:MENTIONS]-(n_0:Article) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit RETURN n_0 {.*, label: 'Article'} },
    w1: COLLECT { MATCH (n)-[n_1_r:IN_REGION]->(n_1:Region) WITH n_1, n_1_r ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Region'} }}} AS node
ORDER BY reduce(m = "", d IN dates | CASE WHEN d > m THEN d ELSE m END) DESC, n.id
// params
{
  "limit": "int(21)",
  "n_0_limit": "int(21)",
  "n_0_offset": "int(0)",
  "n_1_limit": "int(1)",
  "n_1_offset": "int(0)",
  "offset": "int(0)",
  "within": [
    "region:河北"
  ]
}
