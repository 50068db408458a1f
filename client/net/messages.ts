import type { ChatLine, ErrorMessage, AcceptedMessage, KickedMessage, PrivateView, PrivateViewChanges, SeatSecretMessage, ServerMessageType, ShutdownMessage, TeacherView } from '../../shared/protocol/messages.ts';

// What each server message carries, by its type: the network layer registers one handler per entry of
// SERVER_MESSAGES (shared/protocol), so a payload is never identified by guessing its shape.

export interface ServerPayloads {
  error: ErrorMessage;
  accepted: AcceptedMessage;
  seat: SeatSecretMessage;
  private: PrivateView;
  privateChanges: PrivateViewChanges;
  teacher: TeacherView;
  chat: ChatLine;
  shutdown: ShutdownMessage;
  kicked: KickedMessage;
}

export type ServerHandlers = { [T in ServerMessageType]: (payload: ServerPayloads[T]) => void };

// A compile-time check that the table above names every server message and nothing else.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const covers: Exact<keyof ServerPayloads, ServerMessageType> = true;
void covers;
