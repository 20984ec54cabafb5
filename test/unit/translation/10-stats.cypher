// statement 1
CALL {
  RETURN [{key: 'Region', count: COUNT { (:Region) }}, {key: 'Agency', count: COUNT { (:Agency) }}, {key: 'Official', count: COUNT { (:Official) }}, {key: 'Program', count: COUNT { (:Program) }}, {key: 'Policy', count: COUNT { (:Policy) }}, {key: 'Enterprise', count: COUNT { (:Enterprise) }}, {key: 'Indicator', count: COUNT { (:Indicator) }}, {key: 'Outcome', count: COUNT { (:Outcome) }}, {key: 'Article', count: COUNT { (:Article) }}] AS byType
}
CALL {
  MATCH (i:Indicator)
  WITH i ORDER BY i.name
  RETURN collect({key: i.name, count: COUNT { (i)<-[:MEASURES]-(:Outcome) }}) AS byIndicator
}
CALL {
  MATCH (r:Region) WHERE r.level IN ['PROVINCE', 'CITY']
  WITH r, COUNT { (r)<-[:PART_OF*0..]-(:Region)<-[:IMPLEMENTED_IN]-(:Program) } AS programs
  WHERE programs > 0
  WITH r, programs ORDER BY programs DESC, r.name LIMIT $top
  RETURN collect({key: r.name, id: r.id, count: programs, node: r {.*, label: head([l IN labels(r) WHERE l <> 'Entity']), evidenceArticles: CASE WHEN r:Outcome THEN [(evidenceArticle:Article)-[:MENTIONS]->(r) | evidenceArticle {.*, label: 'Article'}] ELSE [] END}}) AS byRegion
}
RETURN byType, byIndicator, byRegion
// params
{
  "top": "int(10)"
}
