/**
 * The graph as @neo4j/graphql 7 sees it: the same labels, relationships and properties that
 * src/graph/write.ts stores, declared in its type-definition language, for bench/peer.ts.
 *
 * The relationships are those of the `WALKS` table (src/graph/relations.ts). Fact relationships
 * carry their provenance (`articles`, `sentences`; HOLDS also `title`), read through the
 * `…Connection` fields' `properties`. What the generated filters and sorts cannot say alone is
 * a @cypher field the generated `where` and `sort` then use: a region's `ancestors` (so "within
 * 河北省" is a region named so, or one with such an ancestor, through the PART_OF tree at any
 * depth) and an outcome's `improvement` (the order of our `IMPROVEMENT_DESC`).
 */

export const PEER_TYPE_DEFS = /* GraphQL */ `
type Support @relationshipProperties {
  articles: [String!]
  sentences: [String!]
}

type Post @relationshipProperties {
  title: String
  articles: [String!]
  sentences: [String!]
}

union Place = Agency | Region

type Region @node(labels: ["Region", "Entity"]) {
  id: ID!
  name: String!
  level: String!
  code: String
  aliases: [String!]
  parent: Region @relationship(type: "PART_OF", direction: OUT)
  children: [Region!]! @relationship(type: "PART_OF", direction: IN)
  agencies: [Agency!]! @relationship(type: "LOCATED_IN", direction: IN, properties: "Support")
  programs: [Program!]! @relationship(type: "IMPLEMENTED_IN", direction: IN, properties: "Support")
  outcomes: [Outcome!]! @relationship(type: "IN_REGION", direction: IN)
  officials: [Official!]! @relationship(type: "HOLDS", direction: IN, properties: "Post")
  """
  Every region this one is part of, at any depth: "within 河北省" is a filter on it (see withinRegion
  in bench/peerShapes.ts), as @neo4j/graphql filters @cypher fields that return nodes.
  """
  ancestors: [Region!]! @cypher(statement: "MATCH (this)-[:PART_OF*1..]->(a:Region) RETURN a", columnName: "a")
}

type Agency @node(labels: ["Agency", "Entity"]) {
  id: ID!
  name: String!
  kind: String
  aliases: [String!]
  region: Region @relationship(type: "LOCATED_IN", direction: OUT, properties: "Support")
  parent: Agency @relationship(type: "BRANCH_OF", direction: OUT, properties: "Support")
  programs: [Program!]! @relationship(type: "RUN_BY", direction: IN, properties: "Support")
  officials: [Official!]! @relationship(type: "HOLDS", direction: IN, properties: "Post")
  policies: [Policy!]! @relationship(type: "ISSUED_BY", direction: IN, properties: "Support")
}

type Official @node(labels: ["Official", "Entity"]) {
  id: ID!
  name: String!
  title: String
  aliases: [String!]
  roles: [Place!]! @relationship(type: "HOLDS", direction: OUT, properties: "Post")
}

type Program @node(labels: ["Program", "Entity"]) {
  id: ID!
  name: String!
  kind: String
  categories: [String!]
  aliases: [String!]
  regions: [Region!]! @relationship(type: "IMPLEMENTED_IN", direction: OUT, properties: "Support")
  agencies: [Agency!]! @relationship(type: "RUN_BY", direction: OUT, properties: "Support")
  policies: [Policy!]! @relationship(type: "BASED_ON", direction: OUT, properties: "Support")
  outcomes: [Outcome!]! @relationship(type: "ACHIEVED", direction: OUT, properties: "Support")
}

type Policy @node(labels: ["Policy", "Entity"]) {
  id: ID!
  name: String!
  aliases: [String!]
  issuers: [Place!]! @relationship(type: "ISSUED_BY", direction: OUT, properties: "Support")
  programs: [Program!]! @relationship(type: "BASED_ON", direction: IN, properties: "Support")
}

type Enterprise @node(labels: ["Enterprise", "Entity"]) {
  id: ID!
  name: String!
  aliases: [String!]
  region: Region @relationship(type: "LOCATED_IN", direction: OUT, properties: "Support")
}

type Indicator @node {
  id: ID!
  name: String!
  outcomes: [Outcome!]! @relationship(type: "MEASURES", direction: IN)
}

type Outcome @node {
  id: ID!
  indicator: String!
  status: String
  subject: String!
  beforeText: String
  beforeValue: Float
  beforeUnit: String
  afterText: String
  afterValue: Float
  afterUnit: String
  changeText: String
  changeValue: Float
  changePercent: Float
  direction: String
  "Evidence: the sentences that report it, in the order of \`articles\` (ids)."
  sentences: [String!]
  articles: [String!]
  measures: Indicator @relationship(type: "MEASURES", direction: OUT)
  region: Region @relationship(type: "IN_REGION", direction: OUT)
  programs: [Program!]! @relationship(type: "ACHIEVED", direction: IN, properties: "Support")
  reportedIn: [Article!]! @relationship(type: "MENTIONS", direction: IN)
  "The size of the change in percent, as our API's IMPROVEMENT_DESC order computes it (-1: unknown)."
  improvement: Float!
    @cypher(
      statement: """
      RETURN coalesce(abs(this.changePercent),
        CASE WHEN this.beforeValue > 0 AND this.afterValue IS NOT NULL AND this.beforeUnit = this.afterUnit
          THEN abs(this.afterValue - this.beforeValue) * 100.0 / this.beforeValue END,
        -1.0) AS improvement
      """
      columnName: "improvement"
    )
}

type Article @node {
  id: ID!
  title: String
  date: String
  url: String
  source: String
}
`;
