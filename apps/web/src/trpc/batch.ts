/**
 * The most calls one HTTP request may batch. The server refuses bigger batches (a batch of 1 000 guesses
 * in one request was issue 12's first attack); our client splits its batches at the same size.
 */
export const MAX_BATCH_SIZE = 20;
