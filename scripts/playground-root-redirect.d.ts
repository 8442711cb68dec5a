import type { IncomingMessage, ServerResponse } from "node:http";

export function playgroundRootLocation(url: string): string | null;
export function playgroundRootRedirect(req: IncomingMessage, res: ServerResponse, next: () => void): void;
