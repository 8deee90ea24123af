import { z } from 'zod';

/**
 * What the Agents Playground 0.2.28 server sends to its web app (and to PlaygroundDriver), read from
 * its bundle and checked against a running instance. Undocumented: pin the version.
 */

const account = z.object({ id: z.string(), name: z.string(), aadObjectId: z.string(), email: z.string(), userPrincipleName: z.string() });

/** `GET /_internal/v1/config`: the config file as loaded, after waiting up to 15 s for the bot. */
export const playgroundConfigResponse = z.object({
  config: z.object({
    tenantId: z.string(),
    bot: z.object({ id: z.string(), name: z.string() }),
    currentUser: account,
    users: z.array(account),
    personalChat: z.object({ id: z.string() }),
    groupChats: z.array(z.object({ id: z.string(), name: z.string() })),
    teams: z.array(z.object({ id: z.string(), name: z.string(), channels: z.array(z.object({ id: z.string(), name: z.string() })) })),
  }),
  internalConfig: z.object({ channelId: z.string() }),
});
export type PlaygroundConfigResponse = z.infer<typeof playgroundConfigResponse>;

const message = z.object({
  messageId: z.string(),
  timestamp: z.number(),
  from: z.object({ id: z.string() }),
  text: z.string().optional(),
  textFormat: z.string().optional(),
  attachments: z.array(z.object({ contentType: z.string(), content: z.unknown() })).default([]),
  attachmentLayout: z.string().optional(),
  suggestedActions: z.unknown().optional(),
});

/** One frame of `ws://.../_ws_conversation/v1/conversations/stream`: the bot's output, never the user's. */
export const conversationFrame = z.discriminatedUnion('action', [
  z.object({ action: z.literal('createMessage'), actionConversationId: z.string(), message }),
  z.object({ action: z.literal('updateMessage'), actionConversationId: z.string(), message }),
  z.object({ action: z.literal('typing'), actionConversationId: z.string() }),
]);
export type ConversationFrame = z.infer<typeof conversationFrame>;

/** `POST /_conversation/v1/conversations/{id}/messages` answers this. */
export const createMessageResponse = z.object({ messageId: z.string(), timestamp: z.number() });

/** `POST /_conversation/v1/invoke` answers the bot's invoke response body without its statusCode. */
export const invokeResponse = z.object({ type: z.string().optional(), value: z.unknown() });
export type InvokeResponse = z.infer<typeof invokeResponse>;

/** Error bodies of the `/_conversation` and `/_internal` routes, e.g. `{code: "UserNotFound"}`. */
export const errorBody = z.object({ code: z.string(), message: z.string().optional() });

/** `type` values of `GET /_internal/v1/customActivities/template`. */
export type CustomActivityType =
  | 'install'
  | 'uninstall'
  | 'userAdded'
  | 'userRemoved'
  | 'botAdded'
  | 'botRemoved'
  | 'channelCreated'
  | 'channelRenamed'
  | 'channelDeleted'
  | 'teamRenamed'
  | 'teamDeleted'
  | 'sendEmail'
  | 'mentionInWord';
