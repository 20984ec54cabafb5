// statement 1
MATCH (r:Region) WHERE r.name = $name OR r.code = $name OR r.id = $name OR r.code = $code
WITH collect(r.id) AS named
RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $name IN r.aliases RETURN r.id } END AS ids
// params
{
  "code": null,
  "name": "石家庄市"
}

// statement 2
MATCH (root:Region) WHERE root.id IN $within
MATCH (place:Region)-[:PART_OF*0..]->(root)
WITH DISTINCT place
MATCH (n:Agency)-[:LOCATED_IN]->(place:Region)
WITH DISTINCT n

WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Agency', walked: {w0: COLLECT { MATCH (n)<-[n_0_r:RUN_BY]-(n_0:Program) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit RETURN n_0 {.*, label: 'Program', support: properties(n_0_r)} },
    w1: COLLECT { MATCH (n)-[n_1_r:LOCATED_IN]->(n_1:Region) WITH n_1, n_1_r ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Region', support: properties(n_1_r)} }}} AS node
ORDER BY n.name, n.id
// params
{
  "limit": "int(51)",
  "n_0_limit": "int(21)",
  "n_0_offset": "int(0)",
  "n_1_limit": "int(1)",
  "n_1_offset": "int(0)",
  "offset": "int(0)",
  "within": [
    "region:石家庄市"
  ]
}
