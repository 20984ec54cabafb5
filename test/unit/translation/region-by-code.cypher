// statement 1
MATCH (r:Region) WHERE r.name = $name OR r.code = $name OR r.id = $name OR r.code = $code
WITH collect(r.id) AS named
RETURN CASE WHEN size(named) > 0 THEN named ELSE COLLECT { MATCH (r:Region) WHERE $name IN r.aliases RETURN r.id } END AS ids
// params
{
  "code": "130100",
  "name": null
}

// statement 2
MATCH (n:Region) WHERE n.id IN $named
WITH n ORDER BY CASE WHEN n.code = $code OR n.name = $name THEN 0 ELSE 1 END, n.code
LIMIT 1
RETURN n {.*, label: 'Region', walked: {w0: COLLECT { MATCH n_0_path = (n)-[:PART_OF*1..]->(n_0:Region) WITH n_0, length(n_0_path) AS n_0_distance ORDER BY n_0_distance, n_0.id RETURN n_0 {.*, label: 'Region'} },
    w1: COLLECT { MATCH (n)<-[:PART_OF*1..]-(n_1:Region) WHERE n_1.level = $n_1_level WITH DISTINCT n_1 ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Region'} }}} AS node
// params
{
  "code": "130100",
  "n_1_level": "COUNTY",
  "n_1_limit": "int(11)",
  "n_1_offset": "int(0)",
  "name": null,
  "named": [
    "region:130100"
  ]
}
