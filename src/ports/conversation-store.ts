import type { UserKey } from '../domain/user-key';

export type ConversationStatus = 'active' | 'blocked' | 'retired';

/** A Bot Framework conversation reference, kept as the JSON object botbuilder produces. */
export type ConversationReferenceJson = Readonly<Record<string, unknown>>;

export interface StoredConversation {
  readonly user: UserKey;
  readonly reference: ConversationReferenceJson;
  readonly status: ConversationStatus;
  readonly updatedAt: Date;
}

/** Where proactive messages go: one 1:1 conversation reference per user. */
export interface ConversationStore {
  /** Stores the reference and makes it `active` again (the user wrote or reinstalled). */
  save(user: UserKey, reference: ConversationReferenceJson, at: Date): Promise<void>;
  get(user: UserKey): Promise<StoredConversation | null>;
  setStatus(user: UserKey, status: ConversationStatus, at: Date): Promise<void>;
}
