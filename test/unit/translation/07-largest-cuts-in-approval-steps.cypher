// statement 1
MATCH (n:Outcome)
WHERE (n.indicator IN $indicators)
WITH n, coalesce(abs(n.changePercent),
        CASE WHEN n.beforeValue > 0 AND n.afterValue IS NOT NULL AND n.beforeUnit = n.afterUnit THEN abs(n.afterValue - n.beforeValue) * 100.0 / n.beforeValue END,
        -1.0) AS improvement
ORDER BY improvement DESC, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Outcome', evidenceArticles: [(evidenceArticle:Article)-[:MENTIONS]->(n) | evidenceArticle {.*, label: 'Article'}], walked: {w0: COLLECT { MATCH (n)<-[n_0_r:ACHIEVED]-(n_0:Program) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit RETURN n_0 {.*, label: 'Program', support: properties(n_0_r)} },
    w1: COLLECT { MATCH (n)-[n_1_r:IN_REGION]->(n_1:Region) WITH n_1, n_1_r ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Region', support: properties(n_1_r)} }}} AS node
ORDER BY improvement DESC, n.id
// params
{
  "indicators": [
    "APPROVAL_ITEMS",
    "APPROVAL_MATERIALS"
  ],
  "limit": "int(11)",
  "n_0_limit": "int(1)",
  "n_0_offset": "int(0)",
  "n_1_limit": "int(1)",
  "n_1_offset": "int(0)",
  "offset": "int(0)"
}
