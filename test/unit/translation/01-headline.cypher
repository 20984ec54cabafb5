// statement 1
MATCH (r:Region) WHERE r.name = $name OR r.code = $name OR r.id = $name OR r.code = $code
WITH collect(r.id) AS named
RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $name IN r.aliases RETURN r.id } END AS ids
// params
{
  "code": null,
  "name": "河北省"
}

// statement 2
MATCH (root:Region) WHERE root.id IN $within
MATCH (place:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT place WHERE place.level IN $levels
MATCH (n:Program)-[:IMPLEMENTED_IN]->(place:Region)
WITH DISTINCT n
WHERE (EXISTS { MATCH (n)-[:ACHIEVED]->(:Outcome)-[:MEASURES]->(i:Indicator) WHERE i.name IN $affects })
WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program', walked: {w0: COLLECT { MATCH (n)-[n_0_r:RUN_BY]->(n_0:Agency) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit RETURN n_0 {.*, label: 'Agency', support: properties(n_0_r)} },
    w1: COLLECT { MATCH (n)-[n_1_r:ACHIEVED]->(n_1:Outcome) WITH n_1, n_1_r ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Outcome', evidenceArticles: [(evidenceArticle:Article)-[:MENTIONS]->(n_1) | evidenceArticle {.*, label: 'Article'}], support: properties(n_1_r), walked: {w0: COLLECT { MATCH (n_1)-[n_1_0_r:IN_REGION]->(n_1_0:Region) WITH n_1_0, n_1_0_r ORDER BY n_1_0.name, n_1_0.id SKIP $n_1_0_offset LIMIT $n_1_0_limit RETURN n_1_0 {.*, label: 'Region', support: properties(n_1_0_r)} }}} },
    w2: COLLECT { MATCH (n)-[n_2_r:IMPLEMENTED_IN]->(n_2:Region) WITH n_2, n_2_r ORDER BY n_2.name, n_2.id SKIP $n_2_offset LIMIT $n_2_limit RETURN n_2 {.*, label: 'Region', support: properties(n_2_r), walked: {w0: COLLECT { MATCH (n_2)-[n_2_0_r:PART_OF]->(n_2_0:Region) WITH n_2_0, n_2_0_r ORDER BY n_2_0.name, n_2_0.id SKIP $n_2_0_offset LIMIT $n_2_0_limit RETURN n_2_0 {.*, label: 'Region', support: properties(n_2_0_r)} }}} }}} AS node
ORDER BY n.name, n.id
// params
{
  "affects": [
    "APPROVAL_TIME"
  ],
  "levels": [
    "DISTRICT",
    "COUNTY",
    "ZONE"
  ],
  "limit": "int(21)",
  "n_0_limit": "int(21)",
  "n_0_offset": "int(0)",
  "n_1_0_limit": "int(1)",
  "n_1_0_offset": "int(0)",
  "n_1_limit": "int(21)",
  "n_1_offset": "int(0)",
  "n_2_0_limit": "int(1)",
  "n_2_0_offset": "int(0)",
  "n_2_limit": "int(21)",
  "n_2_offset": "int(0)",
  "offset": "int(0)",
  "within": [
    "region:河北省"
  ]
}
