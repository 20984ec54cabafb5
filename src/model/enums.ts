// The closed value lists shared by the extractor, the graph and the API's enums. Adding a value
// here is the whole edit: the types below carry it to every reader.

/** What an outcome measures. */
export const INDICATORS = ['APPROVAL_TIME', 'APPROVAL_ITEMS', 'APPROVAL_MATERIALS', 'PROCESSING_TIME', 'CUSTOMS_TIME', 'COST', 'ONLINE_RATE', 'SATISFACTION', 'OTHER'] as const;
export type Indicator = (typeof INDICATORS)[number];

/** ACHIEVED: a change the article reports as done; TARGET: one it plans (力争到2025年压缩至30个工作日). */
export const OUTCOME_STATUSES = ['ACHIEVED', 'TARGET'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** The sign of an outcome's change. */
export const CHANGE_DIRECTIONS = ['DECREASE', 'INCREASE'] as const;
export type ChangeDirection = (typeof CHANGE_DIRECTIONS)[number];

/** GB/T 2260 province, prefecture-level city, district, county (or county-level city), development zone. */
export const REGION_LEVELS = ['PROVINCE', 'CITY', 'DISTRICT', 'COUNTY', 'ZONE'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const AGENCY_KINDS = ['GOVERNMENT', 'PARTY', 'CONGRESS', 'DEPARTMENT', 'ZONE_ADMINISTRATION', 'SERVICE_CENTER', 'HOTLINE', 'UTILITY', 'NATIONAL'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const PROGRAM_KINDS = ['MODEL', 'SYSTEM', 'MECHANISM', 'PLATFORM', 'CAMPAIGN', 'PROJECT', 'FUND', 'REFORM', 'SERVICE', 'MEASURE'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
