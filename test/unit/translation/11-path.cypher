// statement 1
CALL {
  MATCH (a:Entity {id: $from}) RETURN a
  UNION MATCH (a:Outcome {id: $from}) RETURN a
  UNION MATCH (a:Article {id: $from}) RETURN a
  UNION MATCH (a:Indicator {id: $from}) RETURN a
}
CALL {
  MATCH (b:Entity {id: $to}) RETURN b
  UNION MATCH (b:Outcome {id: $to}) RETURN b
  UNION MATCH (b:Article {id: $to}) RETURN b
  UNION MATCH (b:Indicator {id: $to}) RETURN b
}
MATCH p = shortestPath((a)-[:PART_OF|LOCATED_IN|BRANCH_OF|HOLDS|IMPLEMENTED_IN|RUN_BY|BASED_ON|ISSUED_BY|ACHIEVED|MEASURES|IN_REGION*..4]-(b))
RETURN [n IN nodes(p) | n {.*, label: head([l IN labels(n) WHERE l <> 'Entity']), evidenceArticles: CASE WHEN n:Outcome THEN [(evidenceArticle:Article)-[:MENTIONS]->(n) | evidenceArticle {.*, label: 'Article'}] ELSE [] END}] AS nodes, [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, properties: properties(r)}] AS edges
// params
{
  "from": "agency:石家庄市行政审批局",
  "to": "region:13"
}
