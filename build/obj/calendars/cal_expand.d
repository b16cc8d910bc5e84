build/obj/calendars/cal_expand.o: calendars/cal_expand.c \
 calendars/cal_int.h calendars/cal.h engine/status.h engine/xmalloc.h
calendars/cal_int.h:
calendars/cal.h:
engine/status.h:
engine/xmalloc.h:
