// Every table, for drizzle-kit to generate migrations from. Application code imports tables from
// their own slice, not from here.

export * from "./features/charter/tables.js";
export * from "./features/communities/tables.js";
export * from "./features/discussions/tables.js";
export * from "./features/events/tables.js";
export * from "./features/lifecycle/tables.js";
export * from "./features/memberships/tables.js";
export * from "./features/notifications/tables.js";
export * from "./features/organisation/tables.js";
export * from "./features/people/tables.js";
export * from "./features/proposals/tables.js";
export * from "./features/resources/tables.js";
export * from "./features/tokens/tables.js";
export * from "./platform/activity.js";
export * from "./platform/audit.js";
export * from "./platform/auth/tables.js";
export * from "./platform/http/rate-limit-table.js";
export * from "./platform/mail/tables.js";
