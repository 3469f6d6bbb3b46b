/* lg_relit: the literal strings a pattern cannot match without.
 *
 * lg_relit_new reads a PCRE2 pattern's text and finds a short set of
 * literal strings such that every match of the pattern contains one of
 * them (for a rule that ends in a campaign's name: 三年行动, 百日行动,
 * 百日攻坚行动, 打非治违, 大检查).  lg_relit_may_match then answers "could a
 * match lie within these bytes?" with a scan much cheaper than the match.
 *
 * The set is a shortcut and never a change of answer: whatever in the
 * pattern it does not understand (caseless or extended matching, \Q..\E,
 * comments, conditionals, verbs, code points written as escapes, a { that
 * is not a quantifier) gives no set, and with no set every subject may
 * match.  Owned by the caller; lg_relit_free(NULL) is a no-op.
 */
#ifndef LG_RELIT_H
#define LG_RELIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct lg_relit lg_relit;

/* The set for pattern (PCRE2 syntax, compiled with options); NULL when
 * there is none (a pattern that can match the empty string has none). */
lg_relit *lg_relit_new(const char *pattern, uint32_t options);
void lg_relit_free(lg_relit *l);

/* False only when no match of the pattern can lie within s[0..n): none of
 * the strings occurs there.  True when l is NULL.  s is UTF-8, as PCRE2
 * wants a subject (the scan steps from character to character). */
bool lg_relit_may_match(const lg_relit *l, const char *s, size_t n);

/* The strings, for tests and --explain: the count, and string i (its
 * length in *len; not NUL-terminated). */
size_t lg_relit_count(const lg_relit *l);
const char *lg_relit_get(const lg_relit *l, size_t i, size_t *len);

#endif
