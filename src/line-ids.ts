/**
 * The shape of LINE ids we accept from people (config, owners' commands). A leaf module with
 * no imports, shared by config and owner/.
 */

/** LINE user ids look like `U` and 32 hex digits; a typo here would lock out a member of staff. */
export const LINE_USER_ID = /^U[0-9a-f]{32}$/;
