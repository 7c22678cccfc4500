/**
 * Posts (FTE) as whole millionths: sums of 0.1 + 0.2 posts compare and add exactly. Data give at most six
 * decimal places (schemas), so nothing is lost.
 */
export const micro = (fte: number): number => Math.round(fte * 1e6);

/** A post in millionths back as a number of posts. */
export const fromMicro = (millionths: number): number => millionths / 1e6;

/** A post rounded to whole millionths: what an exact sum or difference of posts prints. */
export const roundPost = (fte: number): number => fromMicro(micro(fte));
