// statement 1
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $scan}) YIELD node, score
WHERE $types IS NULL OR any(l IN labels(node) WHERE l IN $types)
RETURN node {.*, label: head([l IN labels(node) WHERE l <> 'Entity']), evidenceArticles: CASE WHEN node:Outcome THEN [(evidenceArticle:Article)-[:MENTIONS]->(node) | evidenceArticle {.*, label: 'Article'}] ELSE [] END} AS node, score
ORDER BY score DESC, node.id
LIMIT $limit
// params
{
  "limit": "int(10)",
  "query": "行政审批局",
  "scan": "int(50)",
  "types": [
    "Agency"
  ]
}
