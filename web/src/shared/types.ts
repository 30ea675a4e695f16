/** Wire types of the REST API and Socket.IO payloads (DESIGN.md §2). Dates are ISO-8601 strings. */
import type { MessageRules } from './logic/attachments';

export type ChatStatus = 'open' | 'in-progress' | 'resolved' | 'closed';
export type Priority = 'low' | 'medium' | 'high' | 'urgent';
export type MessageType = 'text' | 'image' | 'file';
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'conflict'
  | 'timeout'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export const CHAT_STATUSES: readonly ChatStatus[] = ['open', 'in-progress', 'resolved', 'closed'];
export const PRIORITIES: readonly Priority[] = ['low', 'medium', 'high', 'urgent'];

/** How a person got in: their own account, the host site vouching for them, or as a guest. */
export type UserKind = 'account' | 'verified' | 'visitor';

/** A user as embedded in other objects (chat.user, chat.admin, message.sender). */
export interface UserRef {
  _id: string;
  fullName: string;
  /** A visitor may have left no email. */
  email: string | null;
  isAdmin: boolean;
}

/**
 * One entry of a chat's timeline besides its messages (staff): a status change (`from`/`to` are
 * statuses) or an assignment (`from`/`to` are agents, `to` null: back in the queue). `actor` null:
 * the server did it.
 */
export interface ChatEvent {
  _id: string;
  chatId: string;
  type: 'status' | 'assigned';
  actor: UserRef | null;
  from: ChatStatus | UserRef | null;
  to: ChatStatus | UserRef | null;
  createdAt: string;
}

export interface User extends UserRef {
  username?: string;
  createdAt?: string;
  /** Absent on servers older than the widget API. */
  kind?: UserKind;
  emailVerified?: boolean;
  /** The host site's own id of a verified user. */
  externalId?: string | null;
}

/** An entry of GET /users/admins. */
export interface AdminInfo extends UserRef {
  online?: boolean;
}

export interface Attachment {
  _id: string;
  url: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface LastMessage {
  _id: string;
  /** The server may send the sender's id or the expanded reference. */
  sender: string | UserRef;
  content: string;
  messageType: MessageType;
  createdAt: string;
}

/** A label staff put on chats (never sent to users). */
export interface Label {
  _id: string;
  name: string;
  /** #rrggbb */
  colour: string;
}

export interface Chat {
  _id: string;
  user: UserRef;
  admin: UserRef | null;
  subject: string | null;
  priority: Priority;
  status: ChatStatus;
  lastMessage: LastMessage | null;
  unreadByAdmin: number;
  unreadByUser: number;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
  lastActivityAt?: string;
  /** Only on GET /chats/support: whether any admin is connected. Optional. */
  supportOnline?: boolean;
  /** Only on GET /chats/support: median first response of the last 7 days (null: too few). */
  typicalReplyMs?: number | null;
  /** Only in the staff's chat list (GET /chats/admin/all) and kept by its live events. */
  labels?: Label[];
}

export interface Message {
  _id: string;
  chat: string;
  sender: UserRef;
  content: string;
  messageType: MessageType;
  attachments: Attachment[];
  isReadByAdmin: boolean;
  isReadByUser: boolean;
  isInternalNote: boolean;
  isEdited: boolean;
  clientMessageId?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
  nextCursor: string | null;
}

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  pages: number;
}

export interface ChatPage {
  chats: Chat[];
  pagination: Pagination;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface LoginResult extends TokenPair {
  user: User;
}

/** GET /widget/config: how people may get into the widget on this server. */
export interface WidgetConfig {
  visitors: boolean;
  prechat: 'off' | 'optional' | 'required';
  identity: boolean;
  /** The file limits and edit window (servers before issue 18 leave it out). */
  messages?: MessageRules;
}

/** Where and how a person chats, as their widget reported it. */
export interface PersonContext {
  pageUrl: string | null;
  pageTitle: string | null;
  browser: string | null;
  language: string | null;
  timeZone: string | null;
  updatedAt: string | null;
}

export interface ChatSummary {
  _id: string;
  subject: string | null;
  status: ChatStatus;
  priority: Priority;
  createdAt: string;
  lastMessageAt: string | null;
}

/** GET /chats/:chatId/person: who an agent is talking to. */
export interface Person {
  user: User;
  context: PersonContext | null;
  earlierChats: ChatSummary[];
}

/** A rating of one resolution of a chat (1 to 5, optional comment). */
export interface Rating {
  _id: string;
  chatId: string;
  score: number;
  comment: string;
  /** The agent the chat was assigned to when it was rated. */
  admin: string | null;
  resolvedAt: string;
  createdAt: string;
}

/** Whether the chat can be rated now, its current rating, and (staff only) every rating. */
export interface RatingState {
  canRate: boolean;
  rating: Rating | null;
  history: Rating[];
}

export interface Stats {
  totals: {
    chats: number;
    messages: number;
    open: number;
    inProgress: number;
    resolved: number;
    closed: number;
  };
  chatsPerDay: { date: string; count: number }[];
  responseTimes: {
    firstResponseMs: {
      avg: number | null;
      median: number | null;
      p90: number | null;
      /** True when an admin set it to count business hours only. */
      businessHoursOnly?: boolean;
    };
    resolutionMs: { avg: number | null; median: number | null };
  };
  byStatus: Partial<Record<string, number>>;
  byPriority: Partial<Record<string, number>>;
  adminWorkload: {
    admin: { _id: string; fullName: string };
    open: number;
    inProgress: number;
    replies: number;
  }[];
  /** Satisfaction ratings; absent on servers before ratings. */
  csat?: {
    average: number | null;
    count: number;
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
    byAdmin: { admin: { _id: string; fullName: string }; average: number; count: number }[];
  };
}

/** Id of a sender whether the server expanded the reference or not. */
export function refId(ref: string | { _id: string } | null | undefined): string | null {
  if (ref == null) return null;
  return typeof ref === 'string' ? ref : ref._id;
}
