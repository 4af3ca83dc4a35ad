/**
 * Every code listing of the lesson "Cats or Dogs?", character for character as the lesson prints them
 * (tests compare each with the lesson's text in __fixtures__/cats-or-dogs.source.txt). Never edit one to
 * improve it: the lesson is the authority, and corrections belong in the prose around it.
 */
export const NOTEBOOK_LISTINGS = {
  /** The sigmoid and a quick sanity-check plot. */
  sigmoidPlot: `import numpy as np
import matplotlib.pyplot as plt

# Helper: sigmoid function.
def sigmoid(z):
    return 1 / (1 + np.exp(-z))

# Quick sanity-check plot.
z = np.linspace(-10, 10, 100)
plt.plot(z, sigmoid(z))
plt.axhline(0.5, color='gray', linestyle='--')
plt.axhline(0, color='black', linewidth=0.5)
plt.axhline(1, color='black', linewidth=0.5)
plt.xlabel('z')
plt.ylabel('σ(z)')
plt.title('Sigmoid: maps any z to (0, 1)')
plt.show()`,
  /** Generate and plot the data. */
  data: `# Generate some 2D classification data.
np.random.seed(0)
n_per_class = 50
class0 = np.random.randn(n_per_class, 2) + np.array([-2, -2])
class1 = np.random.randn(n_per_class, 2) + np.array([2, 2])
X = np.vstack([class0, class1])
y = np.array([0]*n_per_class + [1]*n_per_class)

# Plot the data.
plt.scatter(X[y==0, 0], X[y==0, 1], color='orange', label='class 0')
plt.scatter(X[y==1, 0], X[y==1, 1], color='blue', label='class 1')
plt.xlabel('x1'); plt.ylabel('x2')
plt.legend(); plt.show()`,
  /** Logistic regression from scratch. */
  fromScratch: `def predict_proba(w, b, X):
    """Return predicted probabilities."""
    z = X @ w + b   # the @ symbol is numpy matrix multiplication
    return sigmoid(z)

def log_loss(w, b, X, y):
    """Binary cross-entropy."""
    eps = 1e-15   # avoid log(0)
    y_hat = predict_proba(w, b, X)
    y_hat = np.clip(y_hat, eps, 1 - eps)
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))

def compute_gradients(w, b, X, y):
    """Gradients of log loss."""
    N = len(y)
    y_hat = predict_proba(w, b, X)
    errors = y_hat - y
    dJ_dw = (X.T @ errors) / N    # vector
    dJ_db = errors.mean()         # scalar
    return dJ_dw, dJ_db

# Initialize.
w = np.zeros(2)
b = 0.0
learning_rate = 0.1
n_iterations = 1000
loss_history = []

for i in range(n_iterations):
    dJ_dw, dJ_db = compute_gradients(w, b, X, y)
    w -= learning_rate * dJ_dw
    b -= learning_rate * dJ_db
    loss_history.append(log_loss(w, b, X, y))

print(f"Final w: {w}")
print(f"Final b: {b:.3f}")
print(f"Final loss: {loss_history[-1]:.4f}")

# Accuracy.
y_pred = (predict_proba(w, b, X) > 0.5).astype(int)
print(f"Accuracy: {(y_pred == y).mean():.3f}")`,
  /** Plot the loss history. */
  lossCurve: `plt.plot(loss_history)
plt.xlabel('Iteration')
plt.ylabel('Log loss')
plt.title('Training a logistic regression from scratch')
plt.show()`,
  /** Plot the decision boundary. */
  boundary: `# Plot data points.
plt.scatter(X[y==0, 0], X[y==0, 1], color='orange', label='class 0')
plt.scatter(X[y==1, 0], X[y==1, 1], color='blue', label='class 1')

# Compute and plot the decision boundary line: w1*x1 + w2*x2 + b = 0.
# Solve for x2: x2 = -(w1/w2)*x1 - (b/w2).
x1_range = np.linspace(X[:, 0].min(), X[:, 0].max(), 100)
x2_boundary = -(w[0] / w[1]) * x1_range - (b / w[1])
plt.plot(x1_range, x2_boundary, color='red', linewidth=2, label='decision boundary')
plt.xlabel('x1'); plt.ylabel('x2')
plt.legend(); plt.show()`,
  /** scikit-learn equivalent. */
  sklearn: `from sklearn.linear_model import LogisticRegression

model = LogisticRegression()
model.fit(X, y)
print("sklearn weights:", model.coef_)        # very close to your w
print("sklearn bias:", model.intercept_)      # very close to your b
print("sklearn accuracy:", model.score(X, y))`,
} as const;

export type NotebookListingId = keyof typeof NOTEBOOK_LISTINGS;
