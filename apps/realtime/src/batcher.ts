import type { StudentBoundary } from "@margin/core/protocol";

/**
 * Collects the latest boundary per student per class and flushes them together, so a dashboard gets
 * at most one message per interval however many students are training.
 */
export class BoundaryBatcher {
  private readonly pending = new Map<string, Map<string, StudentBoundary>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    intervalMs: number,
    private readonly flushClass: (classroomId: string, boundaries: StudentBoundary[]) => void,
  ) {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  add(classroomId: string, boundary: StudentBoundary): void {
    let byStudent = this.pending.get(classroomId);
    if (!byStudent) {
      byStudent = new Map();
      this.pending.set(classroomId, byStudent);
    }
    byStudent.set(boundary.studentId, boundary);
  }

  forget(classroomId: string, studentId: string): void {
    this.pending.get(classroomId)?.delete(studentId);
  }

  flush(): void {
    for (const [classroomId, byStudent] of this.pending) {
      if (byStudent.size > 0) this.flushClass(classroomId, [...byStudent.values()]);
    }
    this.pending.clear();
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
