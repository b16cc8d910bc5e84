build/obj/build/gen/demo_files.o: build/gen/demo_files.c cmd/demo_files.h
cmd/demo_files.h:
