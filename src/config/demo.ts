/**
 * The fixed values demo mode runs with. They are public (they are in this file): nothing here
 * protects anything real.
 */

/** The group the /dev emulator's owners' view speaks in. */
export const DEMO_OWNER_GROUP_ID = 'Cdemo-owners';

/** Credentials of the in-process simulator and LINE stand-in. */
export const DEMO_CREDENTIALS = {
  channelSecret: 'demo-channel-secret',
  channelAccessToken: 'demo-channel-access-token',
  username: 'demo',
  password: 'demo',
  callbackSecret: 'demo-callback-secret',
} as const;
