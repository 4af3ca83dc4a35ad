import type { StudentBoundary } from "@margin/core/protocol";

/**
 * Collects the latest boundary per student per teacher room and flushes them together, so a dashboard
 * gets at most one message per interval however many students are training.
 */
export class BoundaryBatcher {
  private readonly pending = new Map<string, Map<string, StudentBoundary>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    intervalMs: number,
    private readonly flushRoom: (teacherRoom: string, boundaries: StudentBoundary[]) => void,
  ) {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  add(teacherRoom: string, boundary: StudentBoundary): void {
    let byStudent = this.pending.get(teacherRoom);
    if (!byStudent) {
      byStudent = new Map();
      this.pending.set(teacherRoom, byStudent);
    }
    byStudent.set(boundary.studentId, boundary);
  }

  forget(teacherRoom: string, studentId: string): void {
    this.pending.get(teacherRoom)?.delete(studentId);
  }

  flush(): void {
    for (const [teacherRoom, byStudent] of this.pending) {
      if (byStudent.size > 0) this.flushRoom(teacherRoom, [...byStudent.values()]);
    }
    this.pending.clear();
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
