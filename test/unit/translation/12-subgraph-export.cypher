// statement 1
CALL {
  MATCH (root:Entity {id: $root}) RETURN root
  UNION MATCH (root:Outcome {id: $root}) RETURN root
  UNION MATCH (root:Article {id: $root}) RETURN root
  UNION MATCH (root:Indicator {id: $root}) RETURN root
}
OPTIONAL MATCH p = (root)-[:PART_OF|LOCATED_IN|BRANCH_OF|HOLDS|IMPLEMENTED_IN|RUN_BY|BASED_ON|ISSUED_BY|ACHIEVED|MEASURES|IN_REGION*1..1]-(m)
WHERE $types IS NULL OR all(x IN nodes(p)[1..] WHERE any(l IN labels(x) WHERE l IN $types))
WITH root, collect(DISTINCT m)[0..$maxNodes] AS reached
WITH [root] + [m IN reached WHERE m IS NOT NULL AND m <> root] AS members
UNWIND members AS n
OPTIONAL MATCH (n)-[r]->(o) WHERE o IN members
WITH members, collect(DISTINCT r) AS rels
RETURN [n IN members | n {.*, label: head([l IN labels(n) WHERE l <> 'Entity']), evidenceArticles: CASE WHEN n:Outcome THEN [(evidenceArticle:Article)-[:MENTIONS]->(n) | evidenceArticle {.*, label: 'Article'}] ELSE [] END}] AS nodes, [r IN rels | {type: type(r), from: startNode(r).id, to: endNode(r).id, properties: properties(r)}] AS edges
// params
{
  "maxNodes": "int(500)",
  "root": "region:130109",
  "types": null
}
