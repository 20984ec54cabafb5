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
MATCH (n:Region) WHERE n.id IN $named
WITH n ORDER BY CASE WHEN n.code = $code OR n.name = $name THEN 0 ELSE 1 END, n.code
LIMIT 1
RETURN n {.*, label: 'Region', walked: {w0: COLLECT { MATCH n_0_path = (n)-[:PART_OF*1..]->(n_0:Region) WITH n_0, length(n_0_path) AS n_0_distance ORDER BY n_0_distance, n_0.id RETURN n_0 {.*, label: 'Region'} },
    w1: COLLECT { MATCH (n)<-[n_1_r:PART_OF]-(n_1:Region) WITH n_1, n_1_r ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Region'} },
    w2: COLLECT { MATCH (n)<-[:PART_OF*1..]-(n_2:Region) WHERE n_2.level = $n_2_level WITH DISTINCT n_2 ORDER BY n_2.name, n_2.id SKIP $n_2_offset LIMIT $n_2_limit RETURN n_2 {.*, label: 'Region'} }}} AS node
// params
{
  "code": null,
  "n_1_limit": "int(51)",
  "n_1_offset": "int(0)",
  "n_2_level": "DISTRICT",
  "n_2_limit": "int(51)",
  "n_2_offset": "int(0)",
  "name": "石家庄市",
  "named": [
    "region:石家庄市"
  ]
}
