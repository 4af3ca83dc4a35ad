/** Every room name comes from here, so a typo can't split a class in two. */
export const rooms = {
  students: (classroomId: string) => `class:${classroomId}:students`,
  teachers: (classroomId: string) => `class:${classroomId}:teachers`,
};
