/*
 * USPS codes of the states, DC and the territories the SPEC accepts.  A
 * code's index is its bit in a clinician's licence mask.
 */
#ifndef IOP_STATES_H
#define IOP_STATES_H

/* Index of the code ("TX"), or -1 when it is not a state code. */
int	 states_index(const char *code);
const char *states_code(int index);
int	 states_count(void);

#endif
