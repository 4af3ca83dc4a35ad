export type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from "./events";
export {
  type Ack,
  type Boundary,
  BoundarySchema,
  NicknameSchema,
  type RealtimeClaims,
  RealtimeClaimsSchema,
  type RealtimeError,
  type StudentBoundary,
  StudentBoundarySchema,
} from "./schemas";
export {
  type ClaimsInput,
  signRealtimeToken,
  signToken,
  type VerifyResult,
  verifyRealtimeToken,
  verifyToken,
} from "./token";
