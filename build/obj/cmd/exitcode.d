build/obj/cmd/exitcode.o: cmd/exitcode.c cmd/exitcode.h engine/status.h
cmd/exitcode.h:
engine/status.h:
