/**
 * How long an answer may take to travel back inside the acknowledgement itself. Slack gives up on an
 * acknowledgement after 3 s, so slower work (a write to a large store, say) is acknowledged first and
 * answered through the response_url. Answers from memory take well under a millisecond.
 */
export const ANSWER_IN_ACK_MS = 1500;
