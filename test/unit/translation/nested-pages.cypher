// statement 1
MATCH (n:Program)

WITH n
ORDER BY n.name, n.id
SKIP $offset LIMIT $limit
RETURN n {.*, label: 'Program', walked: {w0: COLLECT { MATCH (n)-[n_0_r:ACHIEVED]->(n_0:Outcome) WITH n_0, n_0_r ORDER BY n_0.name, n_0.id SKIP $n_0_offset LIMIT $n_0_limit RETURN n_0 {.*, label: 'Outcome'} },
    w1: COLLECT { MATCH (n)-[n_1_r:ACHIEVED]->(n_1:Outcome) WITH n_1, n_1_r ORDER BY n_1.name, n_1.id SKIP $n_1_offset LIMIT $n_1_limit RETURN n_1 {.*, label: 'Outcome'} },
    w2: COLLECT { MATCH (n)-[n_2_r:IMPLEMENTED_IN]->(n_2:Region) WITH n_2, n_2_r ORDER BY n_2.name, n_2.id SKIP $n_2_offset LIMIT $n_2_limit RETURN n_2 {.*, label: 'Region', walked: {w0: COLLECT { MATCH (n_2)<-[n_2_0_r:IMPLEMENTED_IN]-(n_2_0:Program) WITH n_2_0, n_2_0_r ORDER BY n_2_0.name, n_2_0.id SKIP $n_2_0_offset LIMIT $n_2_0_limit RETURN n_2_0 {.*, label: 'Program'} }}} }}} AS node
ORDER BY n.name, n.id
// params
{
  "limit": "int(3)",
  "n_0_limit": "int(6)",
  "n_0_offset": "int(0)",
  "n_1_limit": "int(6)",
  "n_1_offset": "int(5)",
  "n_2_0_limit": "int(101)",
  "n_2_0_offset": "int(0)",
  "n_2_limit": "int(101)",
  "n_2_offset": "int(0)",
  "offset": "int(0)"
}
