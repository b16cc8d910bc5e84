build/san/calendars/cal_read.o: calendars/cal_read.c calendars/cal.h \
 engine/status.h engine/xmalloc.h
calendars/cal.h:
engine/status.h:
engine/xmalloc.h:
